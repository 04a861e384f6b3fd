/**
 * Parts of the api module that its other packages and the engine share: the first-row and
 * changed-row readers, a conflict clause, a stale-version explanation, the eager relations a
 * query loads, and keyset order and windows.
 *
 * <p>Internal: public only so that {@code io.toasty}, {@code io.toasty.generated} and the engine
 * can share them; not an API. They may change in any release, and the API check
 * (docs/releasing.md#api-compatibility) leaves packages named {@code internal} out.
 */
@NullMarked
package io.toasty.internal;

import org.jspecify.annotations.NullMarked;
