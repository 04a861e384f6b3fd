package io.toasty.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DynamoUrlTest {

  @Test
  void awsUsesTheDefaultChainsUnlessTold() {
    DynamoUrl u = DynamoUrl.parse("dynamodb://");
    assertNull(u.region());
    assertNull(u.endpoint());
    assertNull(u.accessKeyId());
    assertEquals("", u.tablePrefix());
    assertEquals("eu-west-1", DynamoUrl.parse("dynamodb://?region=eu-west-1").region());
    assertEquals("eu-west-1", DynamoUrl.parse("dynamodb:aws?region=eu-west-1").region());
  }

  @Test
  void aHostIsAnHttpEndpointInUsEast1() {
    DynamoUrl u = DynamoUrl.parse("dynamodb://localhost:8000");
    assertEquals(URI.create("http://localhost:8000"), u.endpoint());
    assertEquals("us-east-1", u.region());
    assertNull(u.accessKeyId());
  }

  @Test
  void localHasDummyCredentialsAndTakesAnEndpoint() {
    DynamoUrl u = DynamoUrl.parse("dynamodb:local?endpoint=http://127.0.0.1:8123"
        + "&tablePrefix=t1_&pageSize=25");
    assertEquals(URI.create("http://127.0.0.1:8123"), u.endpoint());
    assertEquals("local", u.accessKeyId());
    assertEquals("local", u.secretAccessKey());
    assertEquals("t1_", u.tablePrefix());
    assertEquals(25, u.pageSize());
    assertEquals(URI.create("http://localhost:8000"), DynamoUrl.parse("dynamodb:local").endpoint());
  }

  @Test
  void staticCredentialsComeInPairs() {
    DynamoUrl u = DynamoUrl.parse("dynamodb://h:1?accessKeyId=AK&secretAccessKey=s%2Fk");
    assertEquals("AK", u.accessKeyId());
    assertEquals("s/k", u.secretAccessKey());
    assertFalse(u.toString().contains("s/k"), u::toString);
    assertThrows(IllegalArgumentException.class,
        () -> DynamoUrl.parse("dynamodb://h:1?accessKeyId=AK"));
  }

  @Test
  void mistakesAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DynamoUrl.parse("dynamodb://h:1?regoin=x&secretAccessKey=hush"));
    assertTrue(e.getMessage().contains("regoin"), e::getMessage);
    assertFalse(e.getMessage().contains("hush"), e::getMessage);
    assertThrows(IllegalArgumentException.class, () -> DynamoUrl.parse("dynamodb:nowhere"));
    assertThrows(IllegalArgumentException.class, () -> DynamoUrl.parse("dynamodb://?pageSize=0"));
    assertThrows(IllegalArgumentException.class, () -> DynamoUrl.parse("r2dbc:h2:mem:///x"));
    assertTrue(new DynamoDriverProvider().supports("dynamodb:local"));
    assertFalse(new DynamoDriverProvider().supports("r2dbc:h2:mem:///x"));
  }
}
