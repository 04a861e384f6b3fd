package io.toasty.reactive.internal.route;

import io.toasty.CursorKey;
import io.toasty.ModelDef;
import io.toasty.reactive.ConnectionBinding;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.internal.hook.HookTable;
import io.toasty.reactive.json.JsonDocuments;
import io.toasty.reactive.observe.StatementObserver;
import io.toasty.stmt.ReadConsistency;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code DbBuilder}'s choices that decide how the {@link Router} runs statements.
 *
 * @param binding finds an outer owner's connection in the Context, or null for none
 * @param observer told of every statement, or null for none
 * @param retry the retries of statements outside a transaction
 * @param transactionRetry the retries of transaction functions whose options set none
 * @param transactionTimeout the timeout of transactions whose options set none, or null
 * @param reads the consistency of queries that ask for none (their {@code DEFAULT})
 * @param pipelineReads whether reads by key that wait for a connection at the same time are sent
 *     together where the driver pipelines ({@link io.toasty.reactive.internal.batch.PipelinedReads})
 * @param mergeBatchUpdates whether a batch's consecutive updates by key of one plan go as one
 *     statement ({@link KeyUpdateRuns})
 * @param retryLostReads whether a read whose connection was lost before it emitted runs again
 * @param hooks the models' lifecycle hooks
 */
public record RouterOptions(
    @Nullable ConnectionBinding binding,
    @Nullable StatementObserver observer,
    RetryPolicy retry,
    RetryPolicy transactionRetry,
    CursorKey cursorKey,
    Clock clock,
    JsonDocuments json,
    @Nullable Duration transactionTimeout,
    ReadConsistency reads,
    boolean logValues,
    Map<String, ModelDef<?>> modelDefs,
    boolean coalesceGets,
    boolean coalesceLists,
    boolean coalesceUpdates,
    boolean pipelineReads,
    boolean mergeBatchUpdates,
    boolean retryLostReads,
    HookTable hooks) {}
