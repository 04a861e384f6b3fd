/** Renders table-level statements to SQL text and bind-marker order in one walk. */
@NullMarked
package io.toasty.sql.render;

import org.jspecify.annotations.NullMarked;
