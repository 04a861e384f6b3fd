package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/**
 * The referring side of a foreign key ({@code owner_id} → {@code owners.id}) that
 * {@code ConstraintScenarios} declares with SQL, where {@code note} is also made NOT NULL: a
 * constraint the model does not know of. Not among {@link TckModels#all()}.
 */
@Model
public record Pet(@Key long id, long ownerId, String name, Optional<String> note) {}
