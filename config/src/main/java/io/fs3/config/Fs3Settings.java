package io.fs3.config;

import java.util.List;
import java.util.Map;

/** Every tunable of fs3, typed and validated. Built only by {@link SettingsBinder}. */
public record Fs3Settings(ServerSettings server, StorageSettings storage, CacheSettings cache, AuthSettings auth,
                          LimitSettings limits, ObservabilitySettings observability, MultipartSettings multipart,
                          CorsSettings cors, UserSettings users, BucketSettings buckets,
                          EndpointSettings endpoint, WebUiSettings webUi) {

    /** Binds the given properties (file values with command-line overrides already applied). */
    public static Fs3Settings bind(Map<String, String> properties) {
        return SettingsBinder.bind(new SettingsReader(properties));
    }

    /** Every key with its default and meaning, in reading order: the source of the README table. */
    public static List<ConfigKey> documentedKeys() {
        SettingsReader reader = new SettingsReader(Map.of());
        SettingsBinder.read(reader);
        return reader.knownKeys();
    }
}
