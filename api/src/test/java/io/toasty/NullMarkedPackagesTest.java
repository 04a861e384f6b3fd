package io.toasty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package that users program against is {@code @NullMarked} (JSpecify): a parameter,
 * return or field is non-null unless it says {@code @Nullable}, which Kotlin reads as its
 * nullable types and static checkers (NullAway, IntelliJ) check callers against
 * (docs/getting-started.md, "Null"). A new package in one of the modules below that forgets its
 * {@code package-info.java} would silently drop back to unknown nullness; this test names it.
 *
 * <p>Packages named {@code internal} are machinery (not an API) and are not required to be
 * marked; those of {@code api} are marked all the same, because the drivers share them.
 */
class NullMarkedPackagesTest {
  /** The modules whose every non-internal package must be marked, relative to the repository. */
  private static final List<String> MODULES =
      List.of("api", "reactive-executor", "planner", "r2dbc-driver", "sql", "filter",
          "neo4j-driver", "sqlite-bridge", "cli", "migrate", "dynamo-driver", "test-support",
          "codegen");

  private static final Pattern MARKED = Pattern.compile("(?m)^@NullMarked\\s*\\n\\s*package ");

  @Test
  void everyPublicPackageIsNullMarked() throws IOException {
    List<String> unmarked = new ArrayList<>();
    for (String module : MODULES) {
      Path sources = Path.of("..", module, "src", "main", "java");
      assertTrue(Files.isDirectory(sources), "no sources at " + sources);
      for (Path dir : packages(sources)) {
        Path info = dir.resolve("package-info.java");
        String name = sources.relativize(dir).toString().replace('\\', '/').replace('/', '.');
        if (name.equals("internal") || name.endsWith(".internal") || name.contains(".internal.")) {
          continue;
        }
        if (!Files.exists(info) || !MARKED.matcher(Files.readString(info)).find()) {
          unmarked.add(module + ": " + name);
        }
      }
    }
    assertEquals(List.of(), unmarked, "packages without @NullMarked in their package-info.java");
  }

  @Test
  void theCheckSeesAPackageWithoutTheAnnotation() {
    assertTrue(MARKED.matcher("/** Doc. */\n@NullMarked\npackage io.toasty;\n").find());
    assertFalse(MARKED.matcher("/** Doc with @NullMarked in it. */\npackage io.toasty;\n").find());
  }

  /** The directories under {@code sources} that hold at least one Java source file. */
  private static TreeSet<Path> packages(Path sources) throws IOException {
    try (Stream<Path> files = Files.walk(sources)) {
      return files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent)
          .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
    }
  }
}
