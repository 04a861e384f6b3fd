package io.toasty.spring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.util.List;

/**
 * Leaves out a record's relation properties that are not loaded, whatever the mapper's
 * inclusion settings: an unloaded relation is "not fetched", not "empty", so writing it as
 * {@code null} or {@code []} would tell the client something false.
 */
final class SkipUnloadedRelations extends BeanSerializerModifier {
  private static final long serialVersionUID = 1L;

  @Override
  public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
      BeanDescription description, List<BeanPropertyWriter> properties) {
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
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider)
        throws Exception {
      if (!RelationValues.isUnloaded(get(bean))) {
        super.serializeAsField(bean, gen, provider);
      }
    }
  }
}
