-- Issue 14, item 1: every seeded standard carries its source. Shandong's rule (at least 12 m², on
-- the ground floor facing the street) has none the project can cite: the newspaper pages the other
-- standards quote do not state it, and the project's domain notes list it as a public rule without
-- naming the document, its issuer or its date. Its first source text pointed at those internal notes;
-- it now says in words, to whoever reads the checklist, that the original document is still to be
-- recorded, rather than lending the rule a citation it does not have. Only the seeded text is
-- replaced, so a source an admin has since recorded stays.
update checklist
set source = '出处待补：山东省关于户外劳动者服务站点的公开规则（站点面积不少于12平方米，设在一楼且临街）。'
          || '本系统所据的原始资料（工人日报《工会户外劳动者服务站点工作巡礼》系列报道）未载此规则，'
          || '项目资料亦未记录其原始文件的名称、发布机关和日期；在录入原始文件之前，本清单不能作为有出处的依据引用。'
where owner_code = '370000'
  and source like '山东省公开规则（项目领域说明 DOMAIN.md%';
