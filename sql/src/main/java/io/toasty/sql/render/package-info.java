/** Renders table-level statements to SQL text and bind-marker order in one walk. */
package io.toasty.sql.render;
