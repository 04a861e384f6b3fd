package io.toasty.codegen;

/** A data component of a model or of an embedded record: a column, or an embedded record. */
sealed interface DataMember permits FieldDescriptor, EmbeddedDescriptor {

  /** Its name: the component's name, or its path from the model ({@code address.city}). */
  String name();

  /** Its position among the components of its record. */
  int component();

  /** The accessor of its record component. */
  String accessor();
}
