package io.toasty.spring;

import io.toasty.Page;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A {@link Page} as {@code {"items":[..],"next":"..","previous":".."}}: the cursors are null at
 * either end, and a {@code "total"} follows when the page counted one. The items are written
 * with the mapper's own serializers (relations as {@link RelationSerializer} writes them).
 */
@SuppressWarnings("rawtypes")
final class PageSerializer extends StdSerializer<Page> {

  PageSerializer() {
    super(Page.class);
  }

  @Override
  public void serialize(Page page, JsonGenerator gen, SerializationContext context) {
    gen.writeStartObject();
    context.defaultSerializeProperty("items", page.items(), gen);
    gen.writeStringProperty("next", (String) page.next().orElse(null));
    gen.writeStringProperty("previous", (String) page.previous().orElse(null));
    if (page.total().isPresent()) {
      gen.writeNumberProperty("total", page.total().getAsLong());
    }
    gen.writeEndObject();
  }
}
