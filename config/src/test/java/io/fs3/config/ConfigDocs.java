package io.fs3.config;

/** Prints the README's configuration table from the code (run: the test class path, main method). */
public final class ConfigDocs {
    private ConfigDocs() {
    }

    public static void main(String[] args) {
        System.out.println("| key | default | meaning |");
        System.out.println("|---|---|---|");
        for (ConfigKey k : Fs3Settings.documentedKeys()) {
            System.out.println("| `" + k.name() + "` | `" + k.defaultValue() + "` | " + k.description() + " |");
        }
    }
}
