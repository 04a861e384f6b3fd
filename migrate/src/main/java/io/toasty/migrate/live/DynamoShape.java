package io.toasty.migrate.live;

import io.toasty.migrate.render.DynamoRenderer;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import java.util.List;

/**
 * DynamoDB's view of a table ({@code DescribeTable}): only the key attributes have a declared
 * type ({@code S}, {@code N}, {@code B}) and none is nullable; an index is a GSI keyed by its
 * first two columns, its uniqueness kept in a {@code .unique} companion table, not shown.
 */
public record DynamoShape() implements LiveShape {
  private static final String HISTORY = "toasty_schema_history";

  @Override
  public String backend() {
    return "dynamodb";
  }

  @Override
  public String expectedType(TableSnapshot table, ColumnSnapshot column) {
    return DynamoRenderer.attributeType(column.type());
  }

  @Override
  public String canonical(String liveType) {
    return liveType;
  }

  @Override
  public List<String> visibleColumns(TableSnapshot table) {
    return table.primaryKey().subList(0, Math.min(2, table.primaryKey().size()));
  }

  @Override
  public boolean defaultsVisible() {
    return false;
  }

  @Override
  public LiveIndex expectedIndex(IndexSnapshot index) {
    return new LiveIndex(index.name(), DynamoRenderer.gsiKey(index), false);
  }

  @Override
  public boolean internal(String table) {
    return table.equals(HISTORY) || table.endsWith(".unique");
  }
}
