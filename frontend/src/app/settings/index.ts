// The settings feature has no public surface: app.routes.ts loads its route table by path.
export {};
