package io.toasty.codegen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * The model processor, with a record of the source files it writes: compile-testing shows a
 * failed compilation's diagnostics but not its generated files, and a model with errors must have
 * none.
 */
final class RecordingProcessor extends AbstractProcessor {
  private final ModelProcessor delegate = new ModelProcessor();
  private final List<String> written = new ArrayList<>();

  /** The qualified names of the source files written, in order. */
  List<String> written() {
    return written;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    delegate.init(new RecordingEnvironment(env));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  private final class RecordingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment env;

    RecordingEnvironment(ProcessingEnvironment env) {
      this.env = env;
    }

    @Override public Map<String, String> getOptions() {
      return env.getOptions();
    }

    @Override public Messager getMessager() {
      return env.getMessager();
    }

    @Override public Filer getFiler() {
      return new RecordingFiler(env.getFiler());
    }

    @Override public Elements getElementUtils() {
      return env.getElementUtils();
    }

    @Override public Types getTypeUtils() {
      return env.getTypeUtils();
    }

    @Override public SourceVersion getSourceVersion() {
      return env.getSourceVersion();
    }

    @Override public Locale getLocale() {
      return env.getLocale();
    }
  }

  private final class RecordingFiler implements Filer {
    private final Filer filer;

    RecordingFiler(Filer filer) {
      this.filer = filer;
    }

    @Override public JavaFileObject createSourceFile(CharSequence name, Element... origins)
        throws IOException {
      written.add(name.toString());
      return filer.createSourceFile(name, origins);
    }

    @Override public JavaFileObject createClassFile(CharSequence name, Element... origins)
        throws IOException {
      written.add(name.toString());
      return filer.createClassFile(name, origins);
    }

    @Override public FileObject createResource(JavaFileManager.Location location,
        CharSequence pkg, CharSequence relativeName, Element... origins) throws IOException {
      written.add(relativeName.toString());
      return filer.createResource(location, pkg, relativeName, origins);
    }

    @Override public FileObject getResource(JavaFileManager.Location location, CharSequence pkg,
        CharSequence relativeName) throws IOException {
      return filer.getResource(location, pkg, relativeName);
    }
  }
}
