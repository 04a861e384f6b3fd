package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.spring.app.Label;
import io.toasty.spring.app.LabelRepository;
import io.toasty.spring.app.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The generated repository of {@code @Model(repository = true)} is a bean that works. */
class RepositoryBeanTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
          ToastyAutoConfiguration.class))
      .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
          + "?options=DB_CLOSE_DELAY=-1", "toasty.schema=push");

  @Test
  void theRepositoryIsABeanOnTheDb() {
    runner.run(context -> {
      LabelRepository labels = context.getBean("labelRepository", LabelRepository.class);
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
  void aBadPageIsAnErrorSignal() {
    runner.run(context -> {
      LabelRepository labels = context.getBean(LabelRepository.class);
      assertThat(labels.findAll(-1, 10).materialize().blockLast().getThrowable())
          .isInstanceOf(IllegalArgumentException.class);
    });
  }
}
