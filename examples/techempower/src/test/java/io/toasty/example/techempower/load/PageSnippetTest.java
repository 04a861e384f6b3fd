package io.toasty.example.techempower.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/techempower.md shows the Toasty code the source holds (the build compiles and runs it). */
class PageSnippetTest {

  @Test
  void thePageShowsTheToastyStoreAsCompiled() throws IOException {
    Path root = Path.of("../..");
    String block = PageSnippet.block(Files.readString(root.resolve(PageSnippet.SOURCE)));
    String page = Files.readString(root.resolve("docs/techempower.md"));
    assertTrue(page.contains(block), "docs/techempower.md lacks, or differs from:\n" + block);
  }
}
