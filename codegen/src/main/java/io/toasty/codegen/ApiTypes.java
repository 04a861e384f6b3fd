package io.toasty.codegen;

import com.palantir.javapoet.ClassName;

/**
 * The names of the types generated code refers to. They are spelled out rather than taken from
 * class literals so that the processor never loads the run-time API (and Reactor) it writes code
 * against; the tests compile the generated code, which checks every name here.
 */
final class ApiTypes {
  private ApiTypes() {}

  static final ClassName ABSTRACT_CREATE = ClassName.get("io.toasty.generated", "AbstractCreate");
  static final ClassName CREATE = ClassName.get("io.toasty", "Create");
  static final ClassName ABSTRACT_SELECT = ClassName.get("io.toasty.generated", "AbstractSelect");
  static final ClassName ABSTRACT_UPDATE = ClassName.get("io.toasty.generated", "AbstractUpdate");
  static final ClassName CONDITION = ClassName.get("io.toasty", "Condition");
  static final ClassName DELETE = ClassName.get("io.toasty", "Delete");
  static final ClassName EXECUTOR = ClassName.get("io.toasty", "Executor");
  static final ClassName CHANGE = ClassName.get("io.toasty", "Change");
  static final ClassName EXPR = ClassName.get("io.toasty", "Expr");
  static final ClassName INSERT = ClassName.get("io.toasty", "Insert");
  static final ClassName ABSTRACT_UPSERT = ClassName.get("io.toasty.generated", "AbstractUpsert");
  static final ClassName UPSERT_MANY = ClassName.get("io.toasty", "UpsertMany");
  static final ClassName BULK = ClassName.get("io.toasty", "Bulk");
  static final ClassName PAGE = ClassName.get("io.toasty", "Page");
  static final ClassName PAGE_QUERY = ClassName.get("io.toasty", "PageQuery");
  static final ClassName PUBLISHER = ClassName.get("org.reactivestreams", "Publisher");
  static final ClassName MODEL_DEF = ClassName.get("io.toasty", "ModelDef");
  static final ClassName NUMBER_PATH = ClassName.get("io.toasty", "NumberPath");
  static final ClassName PATH = ClassName.get("io.toasty", "Path");
  static final ClassName SENSITIVE = ClassName.get("io.toasty", "Secret");
  static final ClassName DEFERRED = ClassName.get("io.toasty", "Deferred");
  static final ClassName DEFERRED_PATH = ClassName.get("io.toasty", "DeferredPath");
  static final ClassName STRING_PATH = ClassName.get("io.toasty", "StringPath");
  static final ClassName JSON_PATH = ClassName.get("io.toasty", "JsonPath");
  static final ClassName SEALED_JSON_PATH = ClassName.get("io.toasty", "SealedJsonPath");
  static final ClassName TOASTY_EXCEPTION = ClassName.get("io.toasty.error", "ToastyException");
  static final ClassName COLLECTION_PATH = ClassName.get("io.toasty", "CollectionPath");
  static final ClassName COLLECTION_VALUES = ClassName.get("io.toasty.value", "CollectionValues");
  static final ClassName TYPE_COLLECTION = ClassName.get("io.toasty.value", "Type",
      "CollectionOf");
  static final ClassName JSON_FIELD_EXCEPTION = ClassName.get("io.toasty.error", "JsonFieldException");
  static final ClassName UPDATE_RESULT = ClassName.get("io.toasty.generated", "UpdateResult");
  static final ClassName HAS_MANY = ClassName.get("io.toasty", "HasMany");
  static final ClassName HAS_ONE = ClassName.get("io.toasty", "HasOne");
  static final ClassName BELONGS_TO = ClassName.get("io.toasty", "BelongsTo");
  static final ClassName HAS_MANY_PATH = ClassName.get("io.toasty", "HasManyPath");
  static final ClassName TO_ONE_PATH = ClassName.get("io.toasty", "ToOnePath");
  static final ClassName RELATION_SCHEMA = ClassName.get("io.toasty.schema.app", "RelationSchema");

  static final ClassName AUTO = ClassName.get("io.toasty.schema.app", "AutoStrategy");
  static final ClassName FIELD_SCHEMA = ClassName.get("io.toasty.schema.app", "FieldSchema");
  static final ClassName INDEX_SCHEMA = ClassName.get("io.toasty.schema.app", "IndexSchema");
  static final ClassName MODEL_SCHEMA = ClassName.get("io.toasty.schema.app", "ModelSchema");

  static final ClassName QUERY = ClassName.get("io.toasty.stmt", "Query");
  static final ClassName SHAPE_KEY = ClassName.get("io.toasty.stmt", "ShapeKey");
  static final ClassName STMT_EXPR = ClassName.get("io.toasty.stmt", "ExprNode");

  static final ClassName TYPE = ClassName.get("io.toasty.value", "Type");
  static final ClassName TYPE_SCALAR = TYPE.nestedClass("Scalar");
  static final ClassName TYPE_ENUM = TYPE.nestedClass("Enum");
  static final ClassName VALUE = ClassName.get("io.toasty.value", "Value");
  static final ClassName VALUE_RECORD = VALUE.nestedClass("Record");
  static final ClassName VALUES = ClassName.get("io.toasty.value", "Values");

  static final ClassName MONO = ClassName.get("reactor.core.publisher", "Mono");
  static final ClassName FLUX = ClassName.get("reactor.core.publisher", "Flux");

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName COLLECTION = ClassName.get("java.util", "Collection");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
}
