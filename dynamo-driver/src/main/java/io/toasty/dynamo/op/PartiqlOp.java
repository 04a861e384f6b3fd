package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.codec.CollectionAttributes;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UniqueViolationException;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;

/**
 * {@code Operation.Partiql}: the application's statement as one ExecuteStatement, its
 * parameters encoded as the fields of their types are stored. A read streams its pages on demand
 * ({@link StatementPages}), strongly consistent unless it reads an index (which DynamoDB allows
 * only eventually consistent); a write counts 1, or 0 when its condition failed. A statement
 * DynamoDB rejects as invalid is an {@link InvalidStatementException} carrying DynamoDB's reason,
 * an INSERT of an existing key a {@link UniqueViolationException}.
 */
public final class PartiqlOp {
  private PartiqlOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.Partiql op) {
    return Mono.defer(() -> {
      PartiqlText text = PartiqlText.of(String.join("?", op.text()), cx.tables());
      ExecuteStatementRequest.Builder request = ExecuteStatementRequest.builder()
          .statement(text.text());
      if (!op.args().isEmpty()) {
        request.parameters(parameters(op.args()));
      }
      return op.returnsRows() ? Mono.just(read(cx, op, text, request))
          : write(cx, text, request.build());
    }).onErrorMap(DynamoContext::translate);
  }

  private static List<AttributeValue> parameters(List<Value> args) {
    List<AttributeValue> out = new ArrayList<>(args.size());
    for (Value v : args) {
      AttributeValue a = AttributeCodec.encode(v);
      out.add(a == null ? AttributeValue.fromNul(true) : a);
    }
    return out;
  }

  /** A read: its items page by page, each a labelled row or the columns asked for. */
  private static ExecResponse read(DynamoContext cx, Operation.Partiql op, PartiqlText text,
      ExecuteStatementRequest.Builder request) {
    if (text.target() != null) {
      request.consistentRead(!text.index());
    }
    if (cx.pageSize() != null) {
      request.limit(cx.pageSize());
    }
    TableInfo table = op.table() == null ? null : cx.table(op.table());
    return new ExecResponse.Rows(Pages.statement(cx, request.build())
        .map(item -> table == null ? labelled(text, item) : Items.row(table, op.columns(), item))
        .onErrorMap(e -> translate(text, e)));
  }

  /** A write: one request, counted 1, or 0 when its condition failed. */
  private static Mono<ExecResponse> write(DynamoContext cx, PartiqlText text,
      ExecuteStatementRequest request) {
    return ConflictRetries.onConflict(cx.call(() -> cx.client().executeStatement(request)))
        .<ExecResponse>map(r -> new ExecResponse.Count(1))
        .onErrorResume(ConditionalCheckFailedException.class,
            e -> Mono.just(new ExecResponse.Count(0)))
        .onErrorMap(e -> translate(text, e));
  }

  /** An item as {@code (labels, values)}: see {@code PartiqlStatement.rows()}. */
  private static Value.Record labelled(PartiqlText text, Map<String, AttributeValue> item) {
    List<String> labels = labels(text, item);
    List<Value> values = new ArrayList<>(labels.size());
    List<Value> names = new ArrayList<>(labels.size());
    TableInfo t = text.target();
    for (String label : labels) {
      int c = t == null ? -1 : t.columnOf(label);
      AttributeValue a = item.get(label);
      values.add(t != null && c >= 0 ? CollectionAttributes.decodeColumn(a,
          t.column(c).type(), t.column(c).nullable(), t.qualified(c))
          : AttributeCodec.decodeUntyped(a, label));
      names.add(Value.of(label));
    }
    return Value.Record.of(new Value.Record(names), new Value.Record(values));
  }

  private static List<String> labels(PartiqlText text, Map<String, AttributeValue> item) {
    if (text.selected() != null) {
      return text.selected();
    }
    List<String> labels = new ArrayList<>();
    TableInfo t = text.target();
    if (text.star() && t != null) {
      t.allColumns().forEach(c -> labels.add(t.attribute(c)));
    }
    for (String name : new TreeSet<>(item.keySet())) {
      if (!labels.contains(name)) {
        labels.add(name);
      }
    }
    return labels;
  }

  /** DynamoDB's reasons as typed errors: an invalid statement, a duplicate key. */
  private static Throwable translate(PartiqlText text, Throwable e) {
    Throwable cause = e instanceof CompletionException c
        && c.getCause() != null ? c.getCause() : e;
    TableInfo t = text.target();
    String code = cause instanceof DynamoDbException d && d.awsErrorDetails() != null
        ? d.awsErrorDetails().errorCode() : null;
    // DynamoDB Local reports the code "DuplicateItem", which the SDK maps to no subclass
    if (cause instanceof DuplicateItemException || "DuplicateItem".equals(code)) {
      return t != null ? Uniqueness.duplicateKey(t, cause) : new UniqueViolationException(null,
          null, "PartiQL: an item with the same key exists", cause);
    }
    if ("ValidationException".equals(code)) {
      return new InvalidStatementException(t == null ? null : t.model(), null, "PartiQL: "
          + ((DynamoDbException) cause).awsErrorDetails().errorMessage());
    }
    return DynamoContext.translate(cause);
  }
}
