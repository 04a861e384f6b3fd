/**
 * The soft-delete phase: statements on soft-deleted models ({@code @SoftDelete}) see live
 * records only, and their deletes set the deletion marker, before anything else plans them.
 */
@NullMarked
package io.toasty.planner.softdelete;

import org.jspecify.annotations.NullMarked;
