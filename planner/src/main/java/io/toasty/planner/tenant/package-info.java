/**
 * The tenant phase: statements on tenant-scoped models ({@code @TenantId}) are confined to the
 * tenant of their Context before anything else plans them.
 */
@NullMarked
package io.toasty.planner.tenant;

import org.jspecify.annotations.NullMarked;
