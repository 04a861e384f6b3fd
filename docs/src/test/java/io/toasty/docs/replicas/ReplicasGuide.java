package io.toasty.docs.replicas;

import io.toasty.reactive.Db;
import io.toasty.reactive.ReadYourWrites;
import io.toasty.reactive.ReplicaPolicy;
import io.toasty.reactive.ReplicaRoute;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.TxOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The examples of the read replicas section of docs/databases.md, run by
 * {@link ReplicasGuideTest}.
 */
final class ReplicasGuide {
  private ReplicasGuide() {}

  static Db open(String primaryUrl, String replicaUrl) {
    // snippet: replicas-build
    Db db = Toasty.builder().models(Articles.MODEL)
        .url(primaryUrl)                        // writes, read-write transactions
        .replica(replicaUrl)                    // reads; call once per replica
        .replicaPolicy(ReplicaPolicy.defaults()
            .readYourWrites(Duration.ofSeconds(2))
            .probeEvery(Duration.ofSeconds(1)))
        .build();
    // end-snippet
    db.schema().push().block();
    return db;
  }

  static Article publishAndShow(Db db, String title) {
    // snippet: replicas-read-your-writes
    Mono<Article> shown = Articles.create().title(title).exec(db)   // the primary
        .flatMap(a -> Articles.getById(db, a.id()))   // the primary too: this request wrote
        .contextWrite(ReadYourWrites::start);         // one session per request
    // end-snippet
    return shown.block();
  }

  static List<Article> list(Db db) {
    // snippet: replicas-read
    Mono<List<Article>> all = Articles.all().collect(db);   // a replica, if one is usable
    Mono<List<Article>> inReport = db.transactionMono(TxOptions.defaults().readOnly(),
        tx -> Articles.all().collect(tx));                  // a replica as well
    // end-snippet
    return all.zipWith(inReport, (a, b) -> a.size() == b.size() ? a : List.<Article>of())
        .block();
  }

  static Map<ReplicaRoute, Long> routes(Db db) {
    // snippet: replicas-routes
    Map<ReplicaRoute, Long> routes = db.routeCounts();
    // {ReplicaRoute[target=primary, why=WRITE]=1,
    //  ReplicaRoute[target=primary, why=READ_YOUR_WRITES]=1,
    //  ReplicaRoute[target=replica-0, why=READ]=1, ...}
    // end-snippet
    return routes;
  }
}
