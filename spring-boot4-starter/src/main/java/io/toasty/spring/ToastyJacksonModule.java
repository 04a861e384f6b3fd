package io.toasty.spring;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.Page;
import io.toasty.Sensitive;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 support for model records with relation fields: a loaded {@code HasMany},
 * {@code BelongsTo} or {@code HasOne} is written as its value (the list, the record), an
 * unloaded one is left out; reading leaves every relation unloaded. A {@code Page} is written as
 * {@code {"items":[..],"next":"..","previous":".."}} (see {@code PageSerializer}). A
 * {@code Sensitive<T>} is written as the mask {@code "***"} and read from its {@code T}. The
 * starter registers it with Spring Boot 4's {@code JsonMapper}; elsewhere
 * {@code JsonMapper.builder().addModule(new ToastyJacksonModule())} ({@code Optional} needs no
 * extra module in Jackson 3).
 */
public final class ToastyJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The module, named {@code toasty}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public ToastyJacksonModule() {
    super("toasty");
    RelationSerializer values = new RelationSerializer();
    addSerializer(HasMany.class, (ValueSerializer) values);
    addSerializer(BelongsTo.class, (ValueSerializer) values);
    addSerializer(HasOne.class, (ValueSerializer) values);
    addDeserializer(HasMany.class,
        new UnloadedRelationDeserializer<>(HasMany.class, HasMany::detached));
    addDeserializer(BelongsTo.class,
        new UnloadedRelationDeserializer<>(BelongsTo.class, BelongsTo::detached));
    addDeserializer(HasOne.class,
        new UnloadedRelationDeserializer<>(HasOne.class, HasOne::detached));
    addSerializer(Page.class, new PageSerializer());
    addSerializer(Sensitive.class, new SensitiveSerializer());
    addDeserializer(Sensitive.class, (tools.jackson.databind.ValueDeserializer)
        new SensitiveDeserializer());
    setSerializerModifier(new SkipUnloadedRelations());
  }
}
