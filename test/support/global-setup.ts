// Replaced by the database template setup once the db layer lands.
export default function setup(): void {}
