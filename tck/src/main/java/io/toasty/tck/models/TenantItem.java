package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A composite primary key: (tenant, id), neither generated. */
@Model
public record TenantItem(@Key String tenant, @Key long id, String name) {}
