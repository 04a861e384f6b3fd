package io.toasty.example.techempower;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the benchmark's database is ({@code techempower.*}): every implementation connects there,
 * each with a pool of {@code poolSize} connections.
 *
 * @param host PostgreSQL's host
 * @param port its port
 * @param database the database holding {@code world} and {@code fortune}, created if absent
 * @param user the user (the database is created by it)
 * @param password its password, empty for none
 * @param poolSize the connections of each implementation's pool
 * @param pipelineReads whether Toasty over Vert.x sends the reads by key that wait for a
 *     connection together, each its own statement ({@code DbBuilder.pipelineReads}); the
 *     starter's {@code Db} (over R2DBC, which does not pipeline) takes {@code toasty.*}
 */
@ConfigurationProperties("techempower")
public record TechEmpowerProperties(
    @DefaultValue("127.0.0.1") String host,
    @DefaultValue("5432") int port,
    @DefaultValue("techempower") String database,
    @DefaultValue("postgres") String user,
    @DefaultValue("") String password,
    @DefaultValue("10") int poolSize,
    @DefaultValue("true") boolean pipelineReads) {

  /** The database's URL without a scheme: {@code //user:password@host:port/database}. */
  String address() {
    String credentials = password.isEmpty() ? user : user + ":" + password;
    return "//" + credentials + "@" + host + ":" + port + "/" + database;
  }
}
