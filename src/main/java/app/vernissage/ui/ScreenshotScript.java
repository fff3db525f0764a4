package app.vernissage.ui;

import app.vernissage.core.image.ImageFiles;
import app.vernissage.ui.editor.EditorView;
import app.vernissage.ui.editor.EditorViewModel;
import app.vernissage.ui.editor.FxImages;
import app.vernissage.ui.editor.ModelSetState;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The editor's command line: an optional picture to open, and hidden options for documentation
 * screenshots: {@code --screenshot FILE} saves the window's scene and quits; {@code --paint-demo}
 * paints a stroke first; {@code --generate-demo} also starts a run and takes the screenshot at its
 * second preview; {@code --variants-demo} paints, runs three variants and takes the screenshot with the
 * strip full and the second variant shown; {@code --outpaint-demo} extends the canvas to the right by
 * half its width and takes the screenshot with the new area masked and the context window drawn.
 */
record ScreenshotScript(Optional<Path> file, Optional<Path> screenshot, boolean paint, boolean generate,
                        boolean variants, boolean outpaint) {
    static ScreenshotScript parse(List<String> args) {
        Path file = null;
        Path shot = null;
        boolean paint = false;
        boolean generate = false;
        boolean variants = false;
        boolean outpaint = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--screenshot" -> shot = i + 1 < args.size() ? Path.of(args.get(++i)) : null;
                case "--paint-demo" -> paint = true;
                case "--startup-report" -> i++; // see StartupReport
                case "--generate-demo" -> {
                    paint = true;
                    generate = true;
                }
                case "--variants-demo" -> {
                    paint = true;
                    generate = true;
                    variants = true;
                }
                case "--outpaint-demo" -> outpaint = true;
                default -> file = a.startsWith("--") ? file : Path.of(a);
            }
        }
        return new ScreenshotScript(Optional.ofNullable(file), Optional.ofNullable(shot), paint, generate, variants,
                outpaint);
    }

    void start(EditorViewModel model, EditorView view, Scene scene) {
        if (screenshot.isEmpty()) {
            return;
        }
        Path target = screenshot.get();
        later(file.isPresent() ? 1.0 : 0.5, () -> afterOpening(model, () -> run(model, scene, target)));
    }

    /** Runs {@code action} once no picture is being read any more (opening happens in the background). */
    private static void afterOpening(EditorViewModel model, Runnable action) {
        if (!model.openingProperty().get()) {
            action.run();
            return;
        }
        model.openingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (!now) {
                    obs.removeListener(this);
                    later(0.3, action);
                }
            }
        });
    }

    private void run(EditorViewModel model, Scene scene, Path target) {
        {
            if (paint && model.document() != null) {
                paintDemo(model);
            }
            if (outpaint && model.document() != null) {
                model.outpaint().extend(0, 0, model.document().width() / 2, 0);
            }
            if (!generate) {
                later(0.8, () -> shoot(scene, target));
                return;
            }
            model.stepsProperty().set(60);
            model.promptProperty().set("a bowl of red apples");
            if (variants) {
                model.stepsProperty().set(20);
                model.variantCountProperty().set(3);
                model.randomSeedProperty().set(false);
                model.seedProperty().set(1234);
            }
            Runnable run = () -> {
                model.generate();
                if (variants) {
                    model.runningProperty().addListener((obs, old, running) -> {
                        if (!running) {
                            later(0.3, () -> {
                                if (model.variants().size() > 1) {
                                    model.show(model.variants().get(1));
                                }
                                later(0.5, () -> shoot(scene, target));
                            });
                        }
                    });
                    return;
                }
                model.previewsShownProperty().addListener((obs, old, n) -> {
                    if (n.intValue() == 3) {
                        later(0.3, () -> shoot(scene, target));
                    }
                });
            };
            if (model.modelSetStateProperty().get() == ModelSetState.READY) {
                run.run();
            } else {
                model.modelSetStateProperty().addListener((obs, old, s) -> {
                    if (s == ModelSetState.READY) {
                        run.run();
                    }
                });
            }
        }
    }

    private static void paintDemo(EditorViewModel model) {
        int w = model.document().width();
        int h = model.document().height();
        model.brushSizeProperty().set(Math.max(8, w / 12));
        model.beginStroke(w * 0.35, h * 0.35, false);
        for (int i = 0; i <= 40; i++) {
            double t = i / 40.0 * 2 * Math.PI;
            model.continueStroke(w * (0.5 + 0.14 * Math.cos(t)), h * (0.5 + 0.16 * Math.sin(t)));
        }
        model.endStroke();
        model.beginStroke(w * 0.5, h * 0.5, false);
        model.continueStroke(w * 0.55, h * 0.52);
        model.endStroke();
    }

    private static void later(double seconds, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
        pause.setOnFinished(e -> action.run());
        pause.play();
    }

    private static void shoot(Scene scene, Path target) {
        try {
            ImageFiles.write(FxImages.fromFx(scene.snapshot(null)), target, 0.95f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Platform.exit();
    }
}
