package io.toasty.spring;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.ModelDef;
import io.toasty.ModelIndex;
import io.toasty.Page;
import io.toasty.Secret;
import java.util.Collection;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 support for model records with relation fields: a loaded {@code HasMany},
 * {@code BelongsTo} or {@code HasOne} is written as its value (the list, the record), an
 * unloaded one is left out; reading leaves every relation unloaded. A {@code Page} is written as
 * {@code {"items":[..],"next":"..","previous":".."}} (see {@code PageSerializer}). A
 * {@code Secret<T>} is written as the mask {@code "***"} and read from its {@code T}.
 *
 * <p>A variant of a polymorphic model or of a sealed field's type (stored in columns or as a
 * {@code @Json} document) is written with its tag first, the discriminator the model stores
 * ({@code {"type":"moved",..}}), and a JSON object is read into the variant its tag names; an
 * unknown or missing tag fails with an {@link UnknownJsonTypeException} as the cause. The starter
 * registers it with Spring Boot 4's {@code JsonMapper}; elsewhere
 * {@code JsonMapper.builder().addModule(new ToastyJacksonModule())} ({@code Optional} needs no
 * extra module in Jackson 3).
 */
public final class ToastyJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;
  /** The JSON property that names a variant unless another is given. */
  public static final String TYPE_PROPERTY = "type";
  private final transient SealedTypes sealed;

  /** The module for the models of every {@code META-INF/toasty/models} index on the class path. */
  public ToastyJacksonModule() {
    this(ModelIndex.load(ToastyJacksonModule.class.getClassLoader()), TYPE_PROPERTY);
  }

  /**
   * The module for {@code models}, naming a variant in the JSON property {@code typeProperty}.
   *
   * @throws IllegalStateException when a variant has a field of that name
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public ToastyJacksonModule(Collection<? extends ModelDef<?>> models, String typeProperty) {
    super("toasty");
    this.sealed = SealedTypes.of(models, typeProperty);
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
    addSerializer(Secret.class, new SensitiveSerializer());
    addDeserializer(Secret.class, (ValueDeserializer)
        new SensitiveDeserializer());
    setSerializerModifier(new SkipUnloadedRelations());
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.addSerializerModifier(new VariantTags(sealed));
    context.insertAnnotationIntrospector(new SealedTypeIntrospector(sealed));
    context.addHandler(new SealedTypeProblems(sealed));
  }
}
