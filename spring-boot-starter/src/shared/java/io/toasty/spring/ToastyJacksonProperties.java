package io.toasty.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code toasty.jackson.*} properties of the starter's Jackson module.
 *
 * <pre>
 * toasty.jackson.type-property=type   # the JSON property that names a sealed model's variant
 * </pre>
 */
@ConfigurationProperties(prefix = "toasty.jackson")
public class ToastyJacksonProperties {
  /**
   * The JSON property that holds the tag of a polymorphic model's or sealed field's variant (its
   * stored discriminator); choose another when a variant has a field of this name.
   */
  private String typeProperty = "type";

  /** The JSON property that names a variant. */
  public String getTypeProperty() {
    return typeProperty;
  }

  /** Sets the JSON property that names a variant. */
  public void setTypeProperty(String typeProperty) {
    this.typeProperty = typeProperty;
  }
}
