package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Writes at a version a caller sent: {@code updateBy..AtVersion(key.., expectedVersion)} and
 * {@code deleteBy..AtVersion(..)} exist for a model with a {@code @Version} field (of its type,
 * whatever the key's fields are called) and for no other model.
 */
class VersionWritesTest {

  @Test
  void aVersionedModelHasWritesAtAVersion() {
    JavaFileObject lease = Sources.source("com.example.Lease",
        "@Model",
        "public record Lease(@Key String key, @Key long expectedVersion, String holder,",
        "    @Version int version) {}");
    JavaFileObject use = Sources.source("com.example.UseLease",
        "import io.toasty.Delete;",
        "class UseLease {",
        "  LeaseUpdate<Lease> update() {",
        "    return Leases.updateByKeyAndExpectedVersionAtVersion(\"k\", 7L, 3).holder(\"ann\");",
        "  }",
        "  Delete<Lease> delete() {",
        "    return Leases.deleteByKeyAndExpectedVersionAtVersion(\"k\", 7L, 3);",
        "  }",
        "}");
    Compilation compilation = Sources.compile(lease, use);
    assertThat(compilation).succeededWithoutWarnings();
    // the version parameter and the key's variable keep clear of the key fields' names
    assertThat(compilation).generatedSourceFile("com.example.Leases").contentsAsUtf8String()
        .contains("long expectedVersion, int expectedVersion_) {\n    Condition key_ = ");
  }

  @Test
  void aModelWithoutAVersionHasNone() {
    JavaFileObject plain = Sources.source("com.example.Plain",
        "@Model",
        "public record Plain(@Key long id, String name) {}");
    JavaFileObject use = Sources.source("com.example.UsePlain",
        "class UsePlain {",
        "  Object update() {",
        "    return Plains.updateByIdAtVersion(1L, 3L);",
        "  }",
        "}");
    Compilation compilation = Sources.compile(plain, use);
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation).hadErrorContaining("updateByIdAtVersion");
  }
}
