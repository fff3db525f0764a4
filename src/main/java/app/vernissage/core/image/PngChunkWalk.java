package app.vernissage.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Walks the chunk list of a PNG file without decoding it, to tell a complete file from a
 * truncated one: every chunk must fit in the file and the list must reach {@code IEND}.
 */
final class PngChunkWalk {
    private static final int SIGNATURE_BYTES = 8;
    private static final int IEND = ('I' << 24) | ('E' << 16) | ('N' << 8) | 'D';

    private PngChunkWalk() {
    }

    /** True when the chunks are laid out completely up to and including {@code IEND}. */
    static boolean reachesEnd(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = SIGNATURE_BYTES;
            ByteBuffer header = ByteBuffer.allocate(8);
            while (true) {
                header.clear();
                if (position + 12 > size) {
                    return false;
                }
                while (header.hasRemaining()) {
                    if (channel.read(header, position + header.position()) < 0) {
                        return false;
                    }
                }
                long length = Integer.toUnsignedLong(header.getInt(0));
                int type = header.getInt(4);
                long next = position + 12 + length;
                if (length > Integer.MAX_VALUE || next > size) {
                    return false;
                }
                if (type == IEND) {
                    return true;
                }
                position = next;
            }
        }
    }
}
