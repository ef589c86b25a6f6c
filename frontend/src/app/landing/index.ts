// The landing page has nothing other features use; app.routes.ts loads landing.page.ts lazily.
export {};
