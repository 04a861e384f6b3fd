package io.toasty.filter.model;

/** An enum field's type. */
public enum Mood { HAPPY, GRUMPY }
