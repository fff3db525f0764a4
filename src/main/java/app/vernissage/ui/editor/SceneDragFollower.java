package app.vernissage.ui.editor;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * For the small controls that overlays put on the canvas (edge handles, the context window's band
 * and tab): while one of their drags is on, mouse drags, the release and Esc are followed on the
 * whole scene, whatever node is under the pointer (it soon leaves a small control). The filters
 * move with the owner when it changes scene.
 */
final class SceneDragFollower {
    private SceneDragFollower() {
    }

    /**
     * Installs the filters for {@code owner}; they act only while {@code active} holds. The handlers
     * consume the events they use.
     */
    static void install(Node owner, BooleanSupplier active, Consumer<MouseEvent> dragged,
                        Consumer<MouseEvent> released, Consumer<KeyEvent> keyPressed) {
        EventHandler<MouseEvent> dragFilter = e -> {
            if (active.getAsBoolean()) {
                dragged.accept(e);
            }
        };
        EventHandler<MouseEvent> releaseFilter = e -> {
            if (active.getAsBoolean()) {
                released.accept(e);
            }
        };
        EventHandler<KeyEvent> keyFilter = keyPressed::accept;
        owner.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
                old.removeEventFilter(MouseEvent.MOUSE_DRAGGED, dragFilter);
                old.removeEventFilter(MouseEvent.MOUSE_RELEASED, releaseFilter);
            }
            add(scene, keyFilter, dragFilter, releaseFilter);
        });
        add(owner.getScene(), keyFilter, dragFilter, releaseFilter);
    }

    private static void add(Scene scene, EventHandler<KeyEvent> keyFilter, EventHandler<MouseEvent> dragFilter,
                            EventHandler<MouseEvent> releaseFilter) {
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
            scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, dragFilter);
            scene.addEventFilter(MouseEvent.MOUSE_RELEASED, releaseFilter);
        }
    }
}
