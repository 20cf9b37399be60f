-- Why a child's data was erased (a court order, a retention rule): the operator's words,
-- sealed with the deployment's system key (the child's own key is gone), so an auditor can
-- see later why it happened. Earlier erasures kept no reason: NULL.
ALTER TABLE erasures ADD COLUMN reason_sealed BLOB;
