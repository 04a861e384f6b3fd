/**
 * JSON documents of {@code @Json} fields: the codec a {@code Db} uses ({@link
 * io.toasty.reactive.json.JsonCodecs}), Jackson's when it is on the class path.
 */
@NullMarked
package io.toasty.reactive.json;

import org.jspecify.annotations.NullMarked;
