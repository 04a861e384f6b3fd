package io.toasty.codegen;

import static io.toasty.codegen.CompileErrors.assertUserError;

import org.junit.jupiter.api.Test;

/** {@code @TenantId}: the fields it fits, and its errors at the field. */
class TenantIdTest {

  @Test
  void twoTenantFields() {
    assertUserError("User.org: only one field may be @TenantId, and tenant already is",
        "String org", "@Key long id,", "@TenantId String tenant,", "@TenantId String org) {}");
  }

  @Test
  void tenantOnADouble() {
    assertUserError("User.tenant: @TenantId needs a String, long or UUID field, not double",
        "double tenant", "@Key long id,", "@TenantId double tenant) {}");
  }

  @Test
  void tenantThatIsOptional() {
    assertUserError("User.tenant: @TenantId needs a String, long or UUID field",
        "Optional<String> tenant", "@Key long id,", "@TenantId Optional<String> tenant) {}");
  }

  @Test
  void tenantWithADefault() {
    assertUserError("User.tenant: the @TenantId is stamped from the Context",
        "String tenant", "@Key long id,", "@TenantId @Default(\"acme\") String tenant) {}");
  }
}
