// Small browser-side helpers of the Com 1 Control Panel. Its cookies only hold display preferences.
(function () {
    var year = 60 * 60 * 24 * 365;

    // The visitor's time zone, so server-rendered times are shown in local time from the first paint.
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
            document.cookie = "com1-tz=" + encodeURIComponent(zone) + "; path=/; max-age=" + year + "; samesite=lax";
        }
    } catch (e) { /* very old browser: times stay in UTC */ }

    function devicePrefersDark() {
        return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
    }

    // Until the visitor chooses a theme, the device's preference is noted for browsers that do not send it as a client
    // hint, so the next server-rendered page paints in it.
    if (!/(?:^|;\s*)com1-theme=/.test(document.cookie)) {
        document.cookie = "com1-scheme=" + (devicePrefersDark() ? "dark" : "light") + "; path=/; max-age=" + year + "; samesite=lax";
    }

    window.com1Theme = {
        // Remembers the chosen colour theme, so the first (server-rendered) paint of every page matches it.
        remember: function (mode) {
            document.cookie = "com1-theme=" + (mode === "dark" ? "dark" : "light") + "; path=/; max-age=" + year + "; samesite=lax";
        },
        devicePrefersDark: devicePrefersDark
    };
})();
