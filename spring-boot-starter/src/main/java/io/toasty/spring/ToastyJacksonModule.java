package io.toasty.spring;

import com.fasterxml.jackson.databind.module.SimpleModule;
import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.Page;

/**
 * Jackson support for model records with relation fields: a loaded {@code HasMany},
 * {@code BelongsTo} or {@code HasOne} is written as its value (the list, the record), an
 * unloaded one is left out; reading leaves every relation unloaded. A {@code Page} is written as
 * {@code {"items":[..],"next":"..","previous":".."}} (see {@code PageSerializer}). A
 * {@code Sensitive<T>} is written as the mask {@code "***"} and read from its {@code T}. The
 * starter registers it
 * with Spring Boot's {@code ObjectMapper}; elsewhere {@code mapper.registerModule(new
 * ToastyJacksonModule())} (with {@code Jdk8Module} for {@code Optional} relations).
 */
public final class ToastyJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The module, named {@code toasty}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public ToastyJacksonModule() {
    super("toasty");
    RelationSerializer values = new RelationSerializer();
    addSerializer(HasMany.class, (com.fasterxml.jackson.databind.JsonSerializer) values);
    addSerializer(BelongsTo.class, (com.fasterxml.jackson.databind.JsonSerializer) values);
    addSerializer(HasOne.class, (com.fasterxml.jackson.databind.JsonSerializer) values);
    addDeserializer(HasMany.class,
        new UnloadedRelationDeserializer<>(HasMany.class, HasMany::detached));
    addDeserializer(BelongsTo.class,
        new UnloadedRelationDeserializer<>(BelongsTo.class, BelongsTo::detached));
    addDeserializer(HasOne.class,
        new UnloadedRelationDeserializer<>(HasOne.class, HasOne::detached));
    addSerializer(Page.class, new PageSerializer());
    addSerializer(io.toasty.Sensitive.class, new SensitiveSerializer());
    addDeserializer(io.toasty.Sensitive.class, (com.fasterxml.jackson.databind.JsonDeserializer)
        new SensitiveDeserializer());
    setSerializerModifier(new SkipUnloadedRelations());
  }
}
