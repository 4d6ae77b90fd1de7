// Page behaviour shared by every page. Loaded from this server only (the CSP allows no inline scripts).
(function () {
    'use strict';

    // htmx requests carry the CSRF token from the page's meta tags.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });
})();
