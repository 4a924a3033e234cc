-- Views of the catalogue (pipeline/catalogue): the questions analysts ask across every batch received.
-- A document may have several versions (sources): the primary one, whose rows the views use, is the best text
-- (a text layer or plain text before OCR), then the most recently added.

create or replace view document_versions as
select d.document_key, d.doc_id, d.source_file, d.text_source, d.batch_id, d.added_at,
       row_number() over (
           partition by d.document_key
           order by case d.text_source when 'ocr' then 2 when 'mixed' then 1 else 0 end, d.added_at desc, d.doc_id
       ) as version_rank
from documents d
where d.status <> 'failed';

create or replace view catalogue_documents as
select v.document_key, d.doc_type, d.number_symbol, d.number_symbol_key, d.issue_date, d.issuer, d.title,
       d.doc_id as primary_doc_id,
       s.versions, s.sources, s.first_added
from document_versions v
join documents d on d.doc_id = v.doc_id
join (
    select document_key, count(*) as versions, string_agg(source_file, '; ' order by added_at) as sources,
           min(added_at) as first_added
    from document_versions group by document_key
) s on s.document_key = v.document_key
where v.version_rank = 1;

-- Every numbered citation of a primary version, resolved against the whole catalogue: the cited document is the
-- one with the same number-symbol (and the same year where both are known); ambiguous or absent stays unresolved.
-- cited_node names the cited document even when it was never received ('cited:' and its number-symbol).
create or replace view citation_links as
with cited as (
    select c.doc_id, c.ref_id, c.relation, c.doc_type, c.number_symbol, c.number_symbol_key, c.date,
           coalesce(c.year, year(c.date)) as cited_year, v.document_key as citing_key
    from citations c
    join document_versions v on v.doc_id = c.doc_id and v.version_rank = 1
    where c.number_symbol_key is not null and not coalesce(c.name_only, false) and not coalesce(c.partial, false)
), candidates as (
    select c.doc_id, c.ref_id, t.document_key
    from cited c
    join catalogue_documents t
      on t.number_symbol_key = c.number_symbol_key and t.document_key <> c.citing_key
     and (c.cited_year is null or t.issue_date is null or year(t.issue_date) = c.cited_year)
), resolved as (
    select doc_id, ref_id, min(document_key) as cited_key
    from candidates group by doc_id, ref_id having count(distinct document_key) = 1
)
select c.doc_id as citing_doc_id, c.citing_key, c.ref_id, c.relation, c.doc_type as cited_doc_type,
       c.number_symbol as cited_number_symbol, c.date as cited_date, r.cited_key,
       coalesce(r.cited_key, 'cited:' || c.number_symbol_key) as cited_node
from cited c
left join resolved r on r.doc_id = c.doc_id and r.ref_id = c.ref_id;

-- Whether a document is still in force, as far as the catalogue knows: what amends, replaces or repeals it.
create or replace view document_status as
select d.document_key, d.doc_type, d.number_symbol, d.issue_date,
       string_agg(distinct case when l.relation = 'amends' then g.number_symbol end, '; ') as amended_by,
       string_agg(distinct case when l.relation = 'replaces' then g.number_symbol end, '; ') as replaced_by,
       string_agg(distinct case when l.relation = 'repeals' then g.number_symbol end, '; ') as repealed_by,
       case
           when count(*) filter (where l.relation = 'repeals') > 0 then 'repealed'
           when count(*) filter (where l.relation = 'replaces') > 0 then 'replaced'
           when count(*) filter (where l.relation = 'amends') > 0 then 'amended'
           else 'in force'
       end as status
from catalogue_documents d
left join citation_links l on l.cited_key = d.document_key and l.relation in ('amends', 'replaces', 'repeals')
left join catalogue_documents g on g.document_key = l.citing_key
group by all;

-- Tasks of the primary versions with the bodies that lead them (a task without a lead keeps an empty assignee).
create or replace view task_leads as
select d.document_key, d.number_symbol, d.doc_type, d.issuer, t.doc_id, t.task_id, t.deadline, t.deadline_text,
       a.assignee, a.assignee_canonical, a.collective, t.text
from tasks t
join document_versions v on v.doc_id = t.doc_id and v.version_rank = 1
join documents d on d.doc_id = t.doc_id
left join assignments a on a.doc_id = t.doc_id and a.task_id = t.task_id and a.role = 'lead';

create or replace view open_tasks as
select * from task_leads where deadline is null or deadline >= current_date;

create or replace view tasks_due_soon as
select * from task_leads where deadline between current_date and current_date + interval 28 day;

-- Documents citing a document, directly (depth 1) or through plans that carry out one that cites it.
create or replace view citing_documents as
with recursive reach(cited_node, citing_key, depth, path) as (
    select cited_node, citing_key, 1, [citing_key] from citation_links
    union all
    select r.cited_node, l.citing_key, r.depth + 1, list_append(r.path, l.citing_key)
    from reach r
    join citation_links l on l.cited_key = r.citing_key and l.relation = 'implements'
    where not list_contains(r.path, l.citing_key) and r.depth < 12
)
select r.cited_node, any_value(l.cited_number_symbol) as cited_number_symbol, r.citing_key,
       g.doc_type as citing_doc_type, g.number_symbol as citing_number_symbol, g.issuer as citing_issuer,
       min(r.depth) as depth
from reach r
join citation_links l on l.cited_node = r.cited_node
join catalogue_documents g on g.document_key = r.citing_key
group by r.cited_node, r.citing_key, g.doc_type, g.number_symbol, g.issuer;

-- The chain from each directive that carries out nothing in the catalogue down to the plans below it.
create or replace view implementation_chain as
with recursive links as (
    select cited_node as parent, citing_key as child, any_value(cited_number_symbol) as parent_number_symbol
    from citation_links where relation = 'implements' group by cited_node, citing_key
), chain(root, node, depth, path) as (
    select distinct parent, parent, 0, [parent] from links where parent not in (select child from links)
    union all
    select c.root, l.child, c.depth + 1, list_append(c.path, l.child)
    from chain c join links l on l.parent = c.node
    where not list_contains(c.path, l.child) and c.depth < 12
)
select c.root, coalesce(rd.number_symbol, any_value(rl.parent_number_symbol)) as root_number_symbol,
       min(c.depth) as depth, c.node as document_key,
       coalesce(d.number_symbol, any_value(nl.parent_number_symbol)) as number_symbol,
       d.doc_type, d.issuer, d.issue_date
from chain c
left join catalogue_documents d on d.document_key = c.node
left join catalogue_documents rd on rd.document_key = c.root
left join links rl on rl.parent = c.root
left join links nl on nl.parent = c.node
group by c.root, rd.number_symbol, c.node, d.number_symbol, d.doc_type, d.issuer, d.issue_date;
