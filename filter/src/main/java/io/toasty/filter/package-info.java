/**
 * Filters, sorts and pages read from request parameters, within the limits a {@link
 * io.toasty.filter.FilterSpec} declares.
 */
@NullMarked
package io.toasty.filter;

import org.jspecify.annotations.NullMarked;
