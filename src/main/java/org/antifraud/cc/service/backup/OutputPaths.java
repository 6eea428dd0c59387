package org.antifraud.cc.service.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.antifraud.cc.domain.Problem;

/**
 * The one rule for where an output may go (issue 13): never the database file, nor anything else in the data
 * folder, nor the data folder itself, after {@code ..} and symbolic links are resolved. Every command and every
 * save dialog that writes a file asks here first, before anything is written.
 */
public final class OutputPaths {
    /** Links followed by hand at most (a loop of links ends here). */
    private static final int MAX_LINKS = 40;
    private final Path dataDir;

    public OutputPaths(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** {@link #check(Path, Path)} for this data folder. */
    public Path check(Path out) {
        return check(dataDir, out);
    }

    /** Whether {@code out} may be written (the window asks before it shows the refusal). */
    public boolean allowed(Path out) {
        try {
            check(out);
            return true;
        } catch (Problem p) {
            return false;
        }
    }

    /**
     * The absolute output path, or the Problem {@code output_in_data_dir} when {@code out} is, or resolves to,
     * the data folder or a path inside it (the database file among them).
     */
    public static Path check(Path dataDir, Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path data = resolved(dataDir);
        Path where = resolved(target);
        if (where.startsWith(data) || target.startsWith(dataDir.toAbsolutePath().normalize())) {
            throw new Problem("output_in_data_dir",
                    "refused to write " + out + ": it is inside the data folder " + data
                            + " (the database and its backups live there); choose another folder", out.toString(), data);
        }
        return target;
    }

    /**
     * Where {@code path} really is: its deepest existing ancestor with every link followed, and the rest as
     * written (a missing part cannot be a link). A link that is the last part is followed too: writing goes there.
     */
    static Path resolved(Path path) {
        return resolved(path, 0);
    }

    private static Path resolved(Path path, int links) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            // a dangling link: writing creates its target, so judge the place it points to
            real = danglingTarget(existing, links);
        }
        return real.resolve(existing.relativize(absolute)).normalize();
    }

    private static Path danglingTarget(Path link, int links) {
        try {
            if (links < MAX_LINKS && Files.isSymbolicLink(link)) {
                Path to = Files.readSymbolicLink(link);
                Path parent = link.getParent();
                return resolved(parent == null ? to : parent.resolve(to), links + 1);
            }
        } catch (IOException e) {
            // unreadable: judge the path as written
        }
        return link;
    }
}
