package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

// snippet: composite-bin
@Model
public record Bin(
    @Key @Auto UUID id,
    @Index String warehouseRegion,            // the foreign key's fields, in the key's order
    String warehouseCode,
    @BelongsTo.Key(value = {"warehouseRegion", "warehouseCode"}, references = {"region", "code"})
    BelongsTo<Warehouse> warehouse,
    String label,
    int level) {}
// end-snippet
