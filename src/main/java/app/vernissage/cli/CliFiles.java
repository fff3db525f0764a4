package app.vernissage.cli;

import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.ImageReadException;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** File checks and reads shared by the commands; every failure is a one-line UserError. */
final class CliFiles {
    private CliFiles() {
    }

    static void checkOutputFile(Path out) throws UserError {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp"))) {
            throw new UserError("--out must end in .png, .jpg, .jpeg or .bmp: " + out);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("the folder for --out does not exist: " + parent);
        }
        if (Files.isDirectory(out)) {
            throw new UserError("--out names a folder, not a file: " + out);
        }
    }

    static PixelImage read(Path image, long maxPixels) throws UserError {
        try {
            return ImageFiles.read(image, new ImageLimits(maxPixels, ImageLimits.DEFAULT.maxFileBytes()));
        } catch (ImageReadException e) {
            throw new UserError(e.getMessage());
        }
    }

    static Mask readMask(Path mask, PixelImage picture) throws UserError {
        try {
            return ImageFiles.readMask(mask, picture.width(), picture.height(), ImageLimits.DEFAULT);
        } catch (ImageReadException e) {
            throw new UserError(e.getMessage());
        }
    }
}
