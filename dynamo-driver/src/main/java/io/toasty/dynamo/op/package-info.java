/** One class per driver operation, named as the operation (GetByKeyOp for Operation.GetByKey). */
@NullMarked
package io.toasty.dynamo.op;

import org.jspecify.annotations.NullMarked;
