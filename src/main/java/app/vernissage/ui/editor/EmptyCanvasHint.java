package app.vernissage.ui.editor;

import app.vernissage.ui.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** Centred over the empty canvas: what to do first, with an Open button. Hidden once a picture is open. */
public final class EmptyCanvasHint extends VBox {
    public EmptyCanvasHint(EditorViewModel model, Runnable open) {
        super(10);
        setId("emptyHint");
        getStyleClass().add("empty-hint");
        setAlignment(Pos.CENTER);
        setPickOnBounds(false);
        Label text = new Label(Messages.get("message.emptyCanvas"));
        text.getStyleClass().add("empty-hint-text");
        text.setStyle("-fx-font-size: 1.35em; -fx-text-fill: #3a3d42;");
        Button button = new Button(Messages.get("action.open"), FontIcon.of(MaterialDesignF.FOLDER_OPEN));
        button.setId("emptyOpen");
        button.setOnAction(e -> open.run());
        button.disableProperty().bind(model.openingProperty());
        Button newCanvas = new Button(Messages.get("action.newCanvas"), FontIcon.of(MaterialDesignF.FILE_OUTLINE));
        newCanvas.setId("emptyNewCanvas");
        newCanvas.setOnAction(e -> NewCanvasDialog.show(getScene() == null ? null : getScene().getWindow(), model));
        getChildren().addAll(text, new javafx.scene.layout.HBox(8, button, newCanvas));
        ((javafx.scene.layout.HBox) getChildren().getLast()).setAlignment(Pos.CENTER);
        visibleProperty().bind(model.documentProperty().isNull());
        managedProperty().bind(visibleProperty());
    }
}
