// The theme switch on a live page: stores the choice in the cookie the server reads and applies it at once, instead of
// following the link (a reload would lose a half-typed week). Without this script the link does the same on the server.
(() => {
    const cookie = 'SocialKpi.Theme';
    const apply = choice => {
        document.documentElement.dataset.theme = choice;
        for (const sheet of document.querySelectorAll('link[data-theme-sheet]')) {
            sheet.media = sheet.getAttribute('data-media-' + choice);
        }
    };
    // Capture phase on window: runs before Blazor's own link handling, which would navigate.
    window.addEventListener('click', event => {
        const link = event.target instanceof Element ? event.target.closest('a[data-theme-choice]') : null;
        if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        const choice = link.dataset.themeChoice;
        document.cookie = `${cookie}=${choice}; path=/; max-age=31536000; samesite=lax`;
        apply(choice);
    }, true);
})();
