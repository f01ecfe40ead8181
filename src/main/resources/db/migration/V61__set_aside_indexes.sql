-- Plain indexes dropped for a bulk load into a table and built again after it (store.SetAsideIndexes). A load killed
-- in between leaves its rows here, and the store builds those indexes again when it next opens.
CREATE TABLE set_aside_indexes (
    index_name VARCHAR(300) PRIMARY KEY,
    definition VARCHAR(4000) NOT NULL
);
