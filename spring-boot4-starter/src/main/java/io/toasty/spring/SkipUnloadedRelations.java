package io.toasty.spring;

import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Leaves out a record's relation properties that are not loaded, whatever the mapper's
 * inclusion settings: an unloaded relation is "not fetched", not "empty", so writing it as
 * {@code null} or {@code []} would tell the client something false.
 */
final class SkipUnloadedRelations extends ValueSerializerModifier {
  private static final long serialVersionUID = 1L;

  @Override
  public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
      BeanDescription.Supplier description, List<BeanPropertyWriter> properties) {
    properties.replaceAll(p -> RelationValues.isRelation(p.getType().getRawClass())
        ? new Writer(p) : p);
    return properties;
  }

  /** A property writer that writes nothing for an unloaded relation. */
  private static final class Writer extends BeanPropertyWriter {
    private static final long serialVersionUID = 1L;

    Writer(BeanPropertyWriter base) {
      super(base);
    }

    @Override
    public void serializeAsProperty(Object bean, JsonGenerator gen, SerializationContext context)
        throws Exception {
      if (!RelationValues.isUnloaded(get(bean))) {
        super.serializeAsProperty(bean, gen, context);
      }
    }
  }
}
