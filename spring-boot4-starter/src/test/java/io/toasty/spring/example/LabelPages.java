package io.toasty.spring.example;

import io.toasty.Page;
import io.toasty.spring.app.Label;
import io.toasty.spring.app.LabelRepository;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The cursor pages of a generated repository over HTTP, the docs/spring.md example of its
 * Repositories section; {@code AuthorsAppTest} walks them.
 */
// snippet: boot4-label-pages
@RestController
public class LabelPages {
  private final LabelRepository labels;

  LabelPages(LabelRepository labels) {
    this.labels = labels;
  }

  /**
   * {@code GET /labels?size=20}, then {@code ?after=<next>} for the page that follows, written
   * as {@code {"items":[..],"next":"..","previous":".."}}; an altered cursor is a 400 problem
   * detail ({@code invalid_cursor}, the starter's advice).
   */
  @GetMapping("/labels")
  public Mono<Page<Label>> page(@RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String after) {
    if (size < 1 || size > 100) {
      return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "size: 1 to 100"));
    }
    return labels.findAll(size, after);
  }
}
// end-snippet
