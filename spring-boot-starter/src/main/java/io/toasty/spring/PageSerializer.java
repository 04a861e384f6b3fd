package io.toasty.spring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.toasty.Page;
import java.io.IOException;

/**
 * A {@link Page} as {@code {"items":[..],"next":"..","previous":".."}}: the cursors are null at
 * either end, and a {@code "total"} follows when the page counted one. The items are written
 * with the mapper's own serializers (relations as {@link RelationSerializer} writes them).
 */
@SuppressWarnings("rawtypes")
final class PageSerializer extends StdSerializer<Page> {
  private static final long serialVersionUID = 1L;

  PageSerializer() {
    super(Page.class);
  }

  @Override
  public void serialize(Page page, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject();
    provider.defaultSerializeField("items", page.items(), gen);
    gen.writeStringField("next", (String) page.next().orElse(null));
    gen.writeStringField("previous", (String) page.previous().orElse(null));
    if (page.total().isPresent()) {
      gen.writeNumberField("total", page.total().getAsLong());
    }
    gen.writeEndObject();
  }
}
