package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.Page;
import io.toasty.error.InvalidCursorException;
import io.toasty.spring.app.Label;
import io.toasty.spring.app.LabelRepository;
import io.toasty.spring.app.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

/**
 * The generated repository of {@code @Model(repository = true)} is a bean that works: each of its
 * methods, offset and cursor pages included, and bad arguments and cursors as error signals. One
 * subclass per database; each test that writes starts from no labels.
 */
abstract class RepositoryBeanContract extends DatabaseContract {

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(Boot.R2DBC, ToastyAutoConfiguration.class))
        .withPropertyValues("spring.r2dbc.url=" + url(), "toasty.schema=push");
  }

  /** The labels bean, with the labels an earlier test of the class wrote deleted. */
  private static LabelRepository emptied(LabelRepository labels) {
    labels.stream(Labels.TEXT.ne("")).concatMap(l -> labels.deleteById(l.id())).blockLast();
    assertThat(labels.count().block()).isZero();
    return labels;
  }

  private static List<String> texts(Page<Label> page) {
    return page.items().stream().map(Label::text).toList();
  }

  @Test
  void theRepositoryIsABeanOnTheDb() {
    runner().run(context -> {
      LabelRepository labels = emptied(context.getBean("labelRepository", LabelRepository.class));
      Label red = labels.save(Labels.create().text("red")).block();
      labels.save(Labels.create().text("green")).block();
      labels.save(Labels.create().text("blue")).block();
      assertThat(labels.findById(red.id()).block()).isEqualTo(red);
      assertThat(labels.count().block()).isEqualTo(3L);
      assertThat(labels.findAll(0, 2).map(Label::text).collectList().block())
          .isEqualTo(List.of("red", "green"));
      assertThat(labels.findAll(1, 2).map(Label::text).collectList().block())
          .isEqualTo(List.of("blue"));
      assertThat(labels.stream(Labels.TEXT.eq("green")).count().block()).isEqualTo(1L);
      assertThat(labels.deleteById(red.id()).block()).isEqualTo(1L);
      assertThat(labels.findById(red.id()).blockOptional()).isEmpty();
    });
  }

  @Test
  void cursorPagesWalkTheRecordsInKeyOrderAndBack() {
    runner().run(context -> {
      LabelRepository labels = emptied(context.getBean(LabelRepository.class));
      for (String text : List.of("a", "b", "c", "d", "e")) {
        labels.save(Labels.create().text(text)).block();
      }
      Page<Label> first = labels.findAll(2).block();
      assertThat(texts(first)).containsExactly("a", "b");
      assertThat(first.hasNext()).isTrue();
      assertThat(first.hasPrevious()).isFalse();
      Page<Label> second = labels.findAll(2, first.next().orElseThrow()).block();
      assertThat(texts(second)).containsExactly("c", "d");
      Page<Label> last = labels.findAll(2, second.next().orElseThrow()).block();
      assertThat(texts(last)).containsExactly("e");
      assertThat(last.hasNext()).isFalse();
      assertThat(last.next()).isEmpty();
      Page<Label> back = labels.findAllBefore(2, last.previous().orElseThrow()).block();
      assertThat(texts(back)).containsExactly("c", "d");
      // a missing cursor (a request without ?after=) is the first page
      assertThat(texts(labels.findAll(2, null).block())).containsExactly("a", "b");
    });
  }

  @Test
  void aTamperedCursorIsAnInvalidCursorSignal() {
    runner().run(context -> {
      LabelRepository labels = emptied(context.getBean(LabelRepository.class));
      labels.save(Labels.create().text("x")).block();
      labels.save(Labels.create().text("y")).block();
      String cursor = labels.findAll(1).block().next().orElseThrow();
      int at = cursor.length() / 2;
      String tampered = cursor.substring(0, at) + (cursor.charAt(at) == 'A' ? 'B' : 'A')
          + cursor.substring(at + 1);
      Mono<Page<Label>> page = labels.findAll(1, tampered); // a signal: the call never throws
      assertThat(page.materialize().block().getThrowable())
          .isInstanceOf(InvalidCursorException.class);
      assertThat(labels.findAllBefore(1, "not a cursor").materialize().block().getThrowable())
          .isInstanceOf(InvalidCursorException.class);
    });
  }

  @Test
  void aBadPageIsAnErrorSignal() {
    runner().run(context -> {
      LabelRepository labels = context.getBean(LabelRepository.class);
      assertThat(labels.findAll(-1, 10).materialize().blockLast().getThrowable())
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(labels.findAll(0).materialize().block().getThrowable())
          .isInstanceOf(IllegalArgumentException.class);
    });
  }
}
