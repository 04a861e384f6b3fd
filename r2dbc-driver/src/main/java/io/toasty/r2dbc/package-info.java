/**
 * The SQL driver over R2DBC: {@link io.toasty.r2dbc.R2dbcDriverProvider} (found through
 * {@code ServiceLoader}) opens an {@link io.toasty.r2dbc.R2dbcDriver} over an r2dbc-pool
 * connection pool for {@code r2dbc:h2:}, {@code r2dbc:postgresql:}, {@code r2dbc:mysql:},
 * {@code r2dbc:mariadb:} and {@code r2dbc:sqlite:} URLs.
 *
 * <p>Subpackages, one concern each: {@code dialect} (everything that differs between backends:
 * {@code H2Dialect}, {@code PostgresDialect}, {@code MySqlDialect} for MySQL and MariaDB,
 * {@code SqliteDialect}), {@code sql} (rendering and binding in one walk, cached per statement
 * instance), {@code codec} (values to and from driver objects), {@code ddl} (schema push and
 * reset), {@code error} (typed errors). The column types of every backend are listed in
 * {@code docs/databases.md}.
 *
 * <p>H2 column types, and what r2dbc-h2 1.1 returns from {@code row.get(i)} for them:
 * <table>
 *   <caption>H2 type mapping</caption>
 *   <tr><th>Type</th><th>H2 column</th><th>row.get(i)</th></tr>
 *   <tr><td>BOOL</td><td>BOOLEAN</td><td>Boolean</td></tr>
 *   <tr><td>I8 / I16 / I32 / I64</td><td>TINYINT / SMALLINT / INTEGER / BIGINT</td>
 *       <td>Byte / Short / Integer / Long</td></tr>
 *   <tr><td>F32 / F64</td><td>REAL / DOUBLE PRECISION</td><td>Float / Double</td></tr>
 *   <tr><td>STRING, Enum</td><td>CHARACTER VARYING</td><td>String</td></tr>
 *   <tr><td>BYTES</td><td>BINARY VARYING</td><td>byte[] (a BLOB would give ByteBuffer)</td></tr>
 *   <tr><td>UUID</td><td>UUID</td><td>UUID</td></tr>
 *   <tr><td>DECIMAL</td><td>DECFLOAT</td><td>BigDecimal, trailing zeros stripped</td></tr>
 *   <tr><td>INSTANT, OFFSET_DATE_TIME</td><td>TIMESTAMP(9) WITH TIME ZONE</td>
 *       <td>OffsetDateTime, offset kept</td></tr>
 *   <tr><td>LOCAL_DATE_TIME</td><td>TIMESTAMP(9)</td><td>LocalDateTime</td></tr>
 *   <tr><td>LOCAL_DATE</td><td>DATE</td><td>LocalDate</td></tr>
 *   <tr><td>LOCAL_TIME</td><td>TIME(9)</td><td>LocalTime</td></tr>
 *   <tr><td>JSON</td><td>CHARACTER VARYING (other dialects: {@code JsonStorage})</td>
 *       <td>String, the document's text</td></tr>
 * </table>
 */
@NullMarked
package io.toasty.r2dbc;

import org.jspecify.annotations.NullMarked;
